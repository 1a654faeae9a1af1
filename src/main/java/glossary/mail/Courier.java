package glossary.mail;

/**
 * Takes outbox rows of a kind that is not mail (a webhook call) to where they go, for the outbox
 * worker: the same claim, lease, retries and states as mail. Lives here so that the worker calls
 * down to nothing; the feature that owns the kind implements it and Main hands it to the worker.
 */
public interface Courier {
    /**
     * Delivers one row; throws when the receiver did not take it, with a message that says why.
     *
     * @param deliveryId the row's unique id (its message_id), the same on every attempt
     */
    void deliver(Long inquiryId, String deliveryId) throws Exception;
}
