package io.pollwatt.hj212.codec;

import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import java.util.List;

/** Writes the data segment of a message in canonical form: header fields in the standard's order, then CP. */
final class SegmentWriter {

    private SegmentWriter() {}

    static String segment(Hj212Message message) {
        Header h = message.header();
        StringBuilder sb = new StringBuilder(64 + message.cp().items().size() * 32);
        if (h.qn() != null) {
            sb.append("QN=").append(h.qn().text()).append(';');
        }
        sb.append("ST=").append(h.st().text()).append(';');
        sb.append("CN=").append(h.cn().text()).append(';');
        if (h.pw() != null) {
            sb.append("PW=").append(h.pw()).append(';');
        }
        sb.append("MN=").append(h.mn()).append(';');
        if (h.flag() != null) {
            sb.append("Flag=").append(h.flag().text()).append(';');
        }
        if (h.packet() != null) {
            sb.append("PNUM=").append(h.packet().totalText()).append(';');
            sb.append("PNO=").append(h.packet().numberText()).append(';');
        }
        sb.append("CP=&&");
        appendCp(sb, message.cp());
        return sb.append("&&").toString();
    }

    static void appendCp(StringBuilder sb, Cp cp) {
        List<CpItem> items = cp.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            List<CpPair> pairs = items.get(i).pairs();
            for (int j = 0; j < pairs.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                CpPair p = pairs.get(j);
                sb.append(p.name()).append('=').append(p.value());
            }
        }
    }
}
