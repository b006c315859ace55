package io.pollwatt.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/evidence}: every frame received, as the ingest logged it; the regulators' export; and a check of the
 * per-MN hash chains ({@link EvidenceChain}).
 */
final class EvidenceEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceEndpoints.class);

    /**
     * One evidence entry. {@code raw} is the frame as text ({@link RawText#escape}), {@code rawBase64} its exact
     * bytes; hashes are lower-case hex, {@code prevHash} {@code null} for the first entry of a chain.
     */
    record Evidence(
            long id,
            String mn,
            Instant receivedAt,
            String peer,
            String verdict,
            String code,
            String raw,
            String rawBase64,
            String hash,
            String prevHash) {}

    /** All chains: {@code ok} when every one holds. */
    record Verification(boolean ok, List<EvidenceChain.Result> chains) {}

    private static final String COLUMNS =
            "select id, mn, received_at, peer, verdict, code, raw, hash, prev_hash from evidence";

    private final DataSource db;
    private final ObjectMapper mapper;

    EvidenceEndpoints(DataSource db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** Newest first. */
    void list(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "mn", "from", "to", "limit");
        Where where = filter(p);
        int limit = p.limit();
        List<Evidence> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + where.sql() + " order by id desc limit ?")) {
            ps.setInt(where.bind(ps), limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(evidence(rs));
                }
            }
        }
        ctx.json(Page.of(rows, limit));
    }

    /** Oldest first (chain order), one JSON object a line, streamed from a database cursor: no size limit. */
    void export(Context ctx) throws SQLException, IOException {
        Params p = Params.of(ctx, "mn", "from", "to");
        Where where = filter(p);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + where.sql() + " order by id")) {
                ps.setFetchSize(500);
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    ctx.contentType("application/x-ndjson");
                    ctx.header("Content-Disposition", "attachment; filename=\"evidence.ndjson\"");
                    OutputStream out = ctx.outputStream();
                    long n = 0;
                    while (rs.next()) {
                        out.write(mapper.writeValueAsBytes(evidence(rs)));
                        out.write('\n');
                        n++;
                    }
                    out.flush();
                    LOG.info("evidence export {}: {} entries", ctx.queryString(), n);
                }
            } finally {
                c.commit();
            }
        }
    }

    /** One chain ({@code mn}), or every chain when no {@code mn} is given. */
    void verify(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "mn");
        String mn = p.mn("mn");
        try (Connection c = db.getConnection()) {
            if (mn != null) {
                EvidenceChain.Result r = EvidenceChain.verify(c, mn);
                if (r.checked() == 0) {
                    throw new ApiException(ApiError.UNKNOWN_MN, "mn", "no evidence for MN " + mn);
                }
                ctx.json(r);
                return;
            }
            List<EvidenceChain.Result> chains = new ArrayList<>();
            for (String key : EvidenceChain.chains(c)) {
                chains.add(EvidenceChain.verify(c, key));
            }
            ctx.json(new Verification(chains.stream().allMatch(EvidenceChain.Result::ok), chains));
        }
    }

    private static Where filter(Params p) {
        String mn = p.mn("mn");
        Instant from = p.instant("from");
        Instant to = p.instant("to");
        Params.checkRange(from, to);
        return new Where()
                .and("mn = ?", mn)
                .and("received_at >= ?", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .and("received_at < ?", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        byte[] raw = rs.getBytes("raw");
        return new Evidence(
                rs.getLong("id"),
                rs.getString("mn"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("peer"),
                rs.getString("verdict"),
                rs.getString("code"),
                RawText.escape(raw),
                Base64.getEncoder().encodeToString(raw),
                RawText.hex(rs.getBytes("hash")),
                RawText.hex(rs.getBytes("prev_hash")));
    }
}
