//! The rule API: what a rule reports (a [`Finding`], with what to mark and what its help
//! proposes) and what it sees ([`Ctx`]). A leaf under the rules, the schema mapping and "did you
//! mean": it imports nothing of the pipeline, the registry, the kinds or the renderers.
//!
//! Architecture Invariant: this module imports only leaf modules (`pointer`, `rule`,
//! `proposal`, `source::spans`' `Target`, `value`); `tests/tests/layers.rs` holds it.

use chrono::{DateTime, TimeDelta, Utc};

use crate::locate::pointer::Pointer;
pub(crate) use crate::locate::spans::Target;
use crate::message::fix::Applicability;
use crate::message::proposal::{Change, Edit, json_string};
use crate::rule::Rule;

/// A finding before spans are resolved: a rule, a pointer and what to mark. It has no severity
/// of its own: its diagnostic has its rule's (or the one configured for the rule), so that
/// `eventlint rules` shows what the findings will be and turning a rule off silences one meaning.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: &'static Rule,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
    /// Where it is, and what of it to mark.
    pub location: Location,
    /// What the help proposes, as edits a test can apply (see [`crate::message::proposal`]); empty
    /// when the help names no concrete value or key.
    pub proposal: Vec<Edit>,
    /// How sure the proposal is, when not as the rule declares (a safe rule's guess).
    pub applicability: Option<Applicability>,
    /// Other places the finding is about, each with a label (see [`Finding::related`]).
    pub related: Vec<RelatedPlace>,
}

/// Another place a [`Finding`] is about, placed as the finding is.
#[derive(Debug, Clone)]
pub(crate) struct RelatedPlace {
    pub location: Location,
    pub label: String,
}

/// Where a finding, or a place related to it, is. Today every place is in the JSON body (a
/// node by its pointer, and what of it to mark); a whole request adds its request line, headers,
/// query and path parameters as variants, and the pipeline places each kind once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    /// A node of the JSON body and what of it to mark.
    Body { pointer: Pointer, target: Target },
    /// The request line as a whole (method and target): an endpoint that is not documented.
    RequestLine,
    /// The request's method.
    Method,
    /// The URL's path.
    Path,
    /// A path parameter the route captured (`engagement_id`).
    PathParam(&'static str),
    /// The first query parameter of this name; the URL when there is none.
    Query(String),
    /// The first header of this name (case-insensitive); the request line when there is none
    /// (a missing header is reported where the request starts).
    Header(String),
    /// Bytes of the request's file that the reader named (an undefined variable).
    Bytes(std::ops::Range<usize>),
}

/// The pointer of a place outside the body.
static NO_POINTER: Pointer = Pointer::ROOT;

impl Location {
    /// The JSON Pointer of a place in the body (the empty pointer outside the body).
    pub fn pointer(&self) -> &Pointer {
        match self {
            Location::Body { pointer, .. } => pointer,
            _ => &NO_POINTER,
        }
    }

    /// What of the node to mark (the value, outside the body).
    pub fn target(&self) -> &Target {
        match self {
            Location::Body { target, .. } => target,
            _ => &Target::Value,
        }
    }
}

impl Finding {
    /// The JSON Pointer of the finding's place.
    pub fn pointer(&self) -> &Pointer {
        self.location.pointer()
    }
    pub fn new(rule: &'static Rule, pointer: Pointer, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            help: None,
            note: None,
            location: Location::Body {
                pointer,
                target: Target::Value,
            },
            proposal: Vec::new(),
            applicability: None,
            related: Vec::new(),
        }
    }

    /// A finding on the request around the body (a header, the path, a query parameter).
    pub fn on_request(rule: &'static Rule, location: Location, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            help: None,
            note: None,
            location,
            proposal: Vec::new(),
            applicability: None,
            related: Vec::new(),
        }
    }

    /// Labels another place the finding is about, anywhere on a request (the body's `type`
    /// that contradicts the path).
    #[must_use]
    pub fn related_at(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related.push(RelatedPlace {
            location,
            label: label.into(),
        });
        self
    }

    /// Labels another place the finding is about (the first occurrence of a repeated key,
    /// `eventId` or salt): the human report marks it beside the finding, SARIF lists it in
    /// `relatedLocations`, the JSON report under `related`.
    #[must_use]
    pub fn related(mut self, pointer: Pointer, target: Target, label: impl Into<String>) -> Self {
        self.related.push(RelatedPlace {
            location: Location::Body { pointer, target },
            label: label.into(),
        });
        self
    }
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
    #[must_use]
    pub fn message_suffix(mut self, suffix: &str) -> Self {
        self.message.push_str(suffix);
        self
    }
    /// The help proposes `json` (JSON text) as the value at the finding's pointer.
    #[must_use]
    pub fn propose(self, json: impl Into<String>) -> Self {
        let at = self.pointer().clone();
        self.propose_at(at, json)
    }
    /// [`Finding::propose`] when `condition` holds: where the same help proposes a value only
    /// for some inputs.
    #[must_use]
    pub fn propose_if(self, condition: bool, json: impl Into<String>) -> Self {
        if condition { self.propose(json) } else { self }
    }
    /// The help proposes the string `s` as the value at the finding's pointer.
    #[must_use]
    pub fn propose_string(self, s: &str) -> Self {
        self.propose(json_string(s))
    }
    /// The help proposes `json` (JSON text) as the value at `at`.
    #[must_use]
    pub fn propose_at(mut self, at: Pointer, json: impl Into<String>) -> Self {
        self.proposal.push(Edit {
            at,
            change: Change::Value(json.into()),
        });
        self
    }
    /// The help proposes renaming the member at the finding's pointer to `key`.
    #[must_use]
    pub fn propose_key(mut self, key: &str) -> Self {
        self.proposal.push(Edit {
            at: self.pointer().clone(),
            change: Change::Key(key.to_owned()),
        });
        self
    }
    /// The help proposes renaming the member at `at` to `key`.
    #[must_use]
    pub fn propose_key_at(mut self, at: Pointer, key: &str) -> Self {
        self.proposal.push(Edit {
            at,
            change: Change::Key(key.to_owned()),
        });
        self
    }
    /// The help proposes replacing the document's bytes `range` by `text` (a syntax fix).
    #[must_use]
    pub fn propose_text(mut self, range: std::ops::Range<usize>, text: &str) -> Self {
        self.proposal.push(Edit {
            at: Pointer::root(),
            change: Change::Text(range, text.to_owned()),
        });
        self
    }
    /// The help proposes removing the member at the finding's pointer.
    #[must_use]
    pub fn propose_removal(mut self) -> Self {
        self.proposal.push(Edit {
            at: self.pointer().clone(),
            change: Change::Remove,
        });
        self
    }
    /// This finding's proposal is a guess, whatever the rule declares (applied only with
    /// `--unsafe-fixes`).
    #[must_use]
    pub fn guessed(mut self) -> Self {
        self.applicability = Some(Applicability::Unsafe);
        self
    }
    #[must_use]
    pub fn target(mut self, target: Target) -> Self {
        if let Location::Body { target: t, .. } = &mut self.location {
            *t = target;
        }
        self
    }
    #[must_use]
    pub fn on_key(self) -> Self {
        self.target(Target::Key)
    }
}

/// The clock time rules compare against (from `CheckOptions`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    pub now: DateTime<Utc>,
    /// How far past `now` a time may be before it counts as in the future.
    pub future_tolerance: TimeDelta,
}

impl Clock {
    /// `now` plus `slack` and the tolerance, saturating at the latest representable time (a
    /// tolerance of a century past year 262143 must not overflow).
    pub fn future_limit(&self, slack: TimeDelta) -> DateTime<Utc> {
        self.now
            .checked_add_signed(slack)
            .and_then(|t| t.checked_add_signed(self.future_tolerance))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}

/// What rules see while checking one document.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub clock: Clock,
    /// The document's bytes (after any byte order mark), e.g. for limits on the body's size.
    pub bytes: &'a [u8],
    pub findings: Vec<Finding>,
}

impl Ctx<'_> {
    pub fn report(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
    /// Whether a finding was already reported at exactly this pointer.
    pub fn has_finding_at(&self, pointer: &Pointer) -> bool {
        self.findings.iter().any(|f| f.pointer() == pointer)
    }
}
