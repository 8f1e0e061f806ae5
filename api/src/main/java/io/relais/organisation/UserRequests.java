package io.relais.organisation;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the user administration endpoints. */
final class UserRequests {

    private UserRequests() {
    }

    record Register(
            @Schema(description = "The login name, used as the user's id: 2-64 lower-case letters, digits, '.', '_', '-'",
                    example = "jmartin", requiredMode = Schema.RequiredMode.REQUIRED) String userId,
            @Schema(example = "Jeanne Martin", requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
            String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Profile profile,
            @Schema(description = "The manager they report to (a sales manager or an administrator)") String managerId,
            @Schema(description = "Sign-in password (HTTP Basic mode only), at least 12 characters") String password) {
    }

    record ChangeManager(@Schema(description = "null: reports to nobody") String managerId) {
    }

    record ChangeProfile(Profile profile) {
    }

    record Deactivate(@Schema(description = "Who takes over the user's open records; required if they own any")
                      String successorId) {
    }

    record Reassign(String toUserId) {
    }

    record ChangePassword(String password) {
    }
}
