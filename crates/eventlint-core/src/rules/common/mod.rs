#[expect(
    dead_code,
    reason = "called by the epoch fields of the Personalize, Neuralens and Synerise AI kinds"
)]
pub(crate) mod epoch_unit;
pub(crate) mod placeholder;
