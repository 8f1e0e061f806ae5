package io.relais.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why an administrator suspends a subscription. */
@Schema(example = """
        {"reason": "ERP maintenance until Monday"}""")
record WebhookSuspension(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At most 500 characters")
                         String reason) {
}
