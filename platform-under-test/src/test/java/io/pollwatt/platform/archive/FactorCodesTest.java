package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FactorCodesTest {

    private final FactorCodes codes = FactorCodes.pollwattDefault();

    @Test
    void reads_the_default_g7QQPP_table() {
        assertThat(codes.electric("g71301")).hasValue(new FactorCodes.Electric("P", 1));
        assertThat(codes.electric("g71301-Rtd")).hasValue(new FactorCodes.Electric("P", 1));
        assertThat(codes.electric("g71899-Cou")).hasValue(new FactorCodes.Electric("EP_IMPORT", 99));
        assertThat(codes.electric("g70101")).hasValue(new FactorCodes.Electric("IA", 1));
        assertThat(codes.electricQuantities()).hasSize(19);
        assertThat(codes.electricCode("PF", 7)).hasValue("g71607");
    }

    @Test
    void knows_no_other_code() {
        assertThat(codes.electric("g72001")).isEmpty(); // no quantity 20
        assertThat(codes.electric("g71300")).isEmpty(); // no meter 00
        assertThat(codes.electric("g713A1")).isEmpty(); // a meter number is two digits
        assertThat(codes.electric("g7130/")).isEmpty();
        assertThat(codes.electric("g61301")).isEmpty();
        assertThat(codes.electric("a24088")).isEmpty();
        assertThat(codes.electric("g7130")).isEmpty();
        assertThat(codes.voc("a24088-Rtd")).hasValue("TVOC");
        assertThat(codes.voc("a01011")).hasValue("VELOCITY");
        assertThat(codes.voc("g71301")).isEmpty();
    }

    @Test
    void loads_a_deployments_table_and_refuses_unknown_keys() throws Exception {
        FactorCodes other = FactorCodes.load(
                new ByteArrayInputStream("electric.prefix=e9\nelectric.13=P\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.electric("e91302")).hasValue(new FactorCodes.Electric("P", 2));
        assertThat(other.electric("g71302")).isEmpty();

        assertThatThrownBy(() -> FactorCodes.load(new ByteArrayInputStream(
                        "electric.prefix=g7\nelectrik.13=P\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("electrik.13");
    }
}
