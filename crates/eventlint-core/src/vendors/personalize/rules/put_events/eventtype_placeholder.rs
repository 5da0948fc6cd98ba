use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `eventType` is not a placeholder: the field's own name in any style (`EVENT_TYPE`,
    /// `eventType`, `event_type`), a template marker (`<event type>`, `{{eventType}}`,
    /// `${eventType}`), or `placeholder`/`TODO`/`changeme`. Info only. (`string`, `STRING_VALUE`
    /// and `YOUR_…` are reported by `common/placeholder`.)
    ///
    /// ## Why
    /// The service accepts any `eventType`, and the docs allow a placeholder "if you don't have
    /// event type data" (AWS-EX); AWS samples send `"EVENT_TYPE"`. But the value is the
    /// `EVENT_TYPE` of the interaction: it must equal the event types your model was trained on
    /// and your filters name, which a value copied from an example rarely does. eventlint cannot
    /// see your dataset, so this is an info for a value that looks copied, not a verdict; real
    /// event types are never reported.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "EVENT_TYPE", "sentAt": 1672574400, "itemId": "i1"}
    /// ```
    ///
    /// ## Fix
    /// Send the real event type, e.g. `"click"`; keep a placeholder only if your interactions
    /// data has no event types, and then the same one everywhere.
    pub(crate) static EVENTTYPE_PLACEHOLDER = {
        id: "personalize.put-events/eventtype-placeholder",
        severity: Info,
        summary: "`eventType` looks like a placeholder copied from an example",
    };
}

fn is_placeholder(value: &str) -> bool {
    let squashed: String = value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let template = (value.starts_with('<') && value.ends_with('>'))
        || (value.starts_with("{{") && value.ends_with("}}"))
        || (value.starts_with("${") && value.ends_with('}'));
    template
        || squashed == "eventtype"
        || matches!(squashed.as_str(), "placeholder" | "todo" | "changeme")
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, event: &Map<'_>) {
    let Some(Value::String(value)) = event.get("eventType") else {
        return;
    };
    if !is_placeholder(value) {
        return;
    }
    let at = at.key("eventType");
    ctx.report(
        Finding::new(
            &EVENTTYPE_PLACEHOLDER,
            at.clone(),
            format!("`{}` is the placeholder `{value}`", field_name(&at)),
        )
        .help("send the real event type, e.g. `\"click\"`; keep a placeholder only if your interactions data has no event types, and then the same one everywhere")
        .note("`eventType` must match the EVENT_TYPE values your model was trained on and your filters use"),
    );
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders() {
        for p in [
            "EVENT_TYPE",
            "eventType",
            "event-type",
            "<event type>",
            "{{eventType}}",
            "TODO",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for v in [
            "click",
            "Purchase",
            "RATING",
            "watch",
            "string",
            "eventTypeA",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }
}
