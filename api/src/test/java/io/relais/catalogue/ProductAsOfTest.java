package io.relais.catalogue;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import io.relais.support.RecordMoments;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A product read as it stood at an instant or at one of its versions, its prices included. */
class ProductAsOfTest extends ApiTestSupport {

    @Test
    void aProductReadsAsItWasAtAnEarlierVersion() {
        HttpApi api = api();
        RecordMoments moments = new RecordMoments(api);
        String id = created(api.post("/api/v1/products", "{\"code\": \"OLD-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Ancien modèle\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}"));
        moments.reads("/api/v1/products/" + id).record();
        assertThat(api.post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"p-2026\", \"currency\": \"EUR\", "
                + "\"unitPrice\": 12.50, \"validFrom\": \"2026-01-01\"}").status()).isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"a-2026\", \"priceList\": "
                + "\"PARTNERS\", \"currency\": \"EUR\", \"unitPrice\": 10, \"validFrom\": \"2026-01-01\"}").status())
                .isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/products/" + id + "/prices/p-2026/retire", "{\"retiredOn\": \"2026-07-01\"}")
                .status()).isEqualTo(200);
        moments.record();
        assertThat(api.post("/api/v1/products/" + id + "/discontinue", null).status()).isEqualTo(200);
        moments.record();

        assertThat(moments.versions()).containsExactly(0L, 1L, 2L, 3L, 4L);
        moments.assertEachMomentReadsTheSame();
    }
}
