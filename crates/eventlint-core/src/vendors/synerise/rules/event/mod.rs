//! `synerise.event/*`: rules shared by every v4 event body (custom, dedicated and batch
//! elements; vendor-rules.md §2.2–2.3), and by every v4 events request (`api-version`,
//! `authorization`, `content-type`: the headers of vendor-rules.md §2.1).

pub(crate) mod api_version;
pub(crate) mod authorization;
pub(crate) mod client_email_format;
pub(crate) mod client_forbidden_chars;
pub(crate) mod client_id_coercible;
pub(crate) mod client_id_type;
pub(crate) mod client_identifier;
pub(crate) mod client_multiple_ids;
pub(crate) mod client_required;
pub(crate) mod client_string_types;
pub(crate) mod client_uuid_format;
pub(crate) mod content_type;
pub(crate) mod eventsalt_future_time;
pub(crate) mod eventsalt_no_time;
pub(crate) mod eventsalt_type;
pub(crate) mod eventsalt_uniqueness;
pub(crate) mod label_placeholder;
pub(crate) mod label_required;
pub(crate) mod null_value;
pub(crate) mod params_datetime_tz;
pub(crate) mod params_email;
pub(crate) mod params_object;
pub(crate) mod params_reserved;
pub(crate) mod params_reserved_case;
pub(crate) mod params_system_collision;
pub(crate) mod time_future;
pub(crate) mod time_iso8601;
pub(crate) mod time_missing;
pub(crate) mod time_no_offset;
pub(crate) mod time_type;
pub(crate) mod unknown_client_key;
pub(crate) mod unknown_top_level_key;
