package io.relais.personaldata;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

/**
 * Why a person's data is erased: a reason (the request, a retention rule), and the reference of the request
 * in the data protection officer's register. Neither may hold the person's data: they stay in the history.
 */
public record ErasureRequest(String reason, String requestReference) {

    /** The request as the command side accepts it: a reason of 1 to 500 characters, a reference of at most 100. */
    public ErasureRequest validated() {
        String checkedReason = Fields.text("reason", reason, 500);
        if (checkedReason == null) {
            throw new InvalidFieldException("reason", "required", "An erasure needs a reason");
        }
        return new ErasureRequest(checkedReason, Fields.text("requestReference", requestReference, 100));
    }
}
