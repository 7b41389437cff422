import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;

/**
 * Round trip of migstat through the PostgreSQL JDBC driver, the driver BI
 * tools embed.  Connects with the libpq environment pg_virtualenv sets
 * (PGHOST, PGPORT, PGUSER, PGPASSWORD) over TCP, installs migstat, binds
 * parameters, reads every migstat type as a BI tool would (getString,
 * getObject), calls the aggregates through prepared statements, and repeats
 * the residence_status reads with binary transfer forced for the type, so
 * that the driver receives what residence_status_send writes.
 *
 * Usage: java -cp postgresql.jar:. RoundTrip DATABASE
 * Prints ok / not ok lines and "jdbc: N passed, M failed".
 */
public final class RoundTrip {
    private static int passed;
    private static int failed;
    private static final TreeSet<String> covered = new TreeSet<>();

    private static void check(boolean ok, String what, Object detail) {
        if (ok) {
            passed++;
            System.out.println("ok - " + what);
        } else {
            failed++;
            System.out.println("not ok - " + what + " " + detail);
        }
    }

    private static Connection connect(String db, Properties extra) throws SQLException {
        String host = System.getenv().getOrDefault("PGHOST", "localhost");
        if (host.startsWith("/")) {
            host = "localhost";     // a socket directory: the cluster also listens on TCP
        }
        String port = System.getenv().getOrDefault("PGPORT", "5432");
        Properties p = new Properties();
        p.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            p.setProperty("password", password);
        }
        p.putAll(extra);
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, p);
    }

    private static String oneString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void textProtocol(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET client_min_messages = warning");
            s.execute("CREATE EXTENSION IF NOT EXISTS migstat");
            s.execute("SET search_path = public, migstat");
        }

        // residence_status: bound text in, canonical text and a PGobject out.
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::residence_status")) {
            ps.setString(1, "Aufenthaltserlaubnis nach § 25 Absatz 2");
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                check("§ 25 Abs. 2 AufenthG".equals(r.getString(1)), "residence_status via getString", r.getString(1));
                Object o = r.getObject(1);
                check(o instanceof PGobject && "residence_status".equals(((PGobject) o).getType())
                        && "§ 25 Abs. 2 AufenthG".equals(((PGobject) o).getValue()),
                      "residence_status via getObject is a PGobject of its type", o);
                check("residence_status".equals(r.getMetaData().getColumnTypeName(1)),
                      "result metadata names the type", r.getMetaData().getColumnTypeName(1));
            }
        }
        covered.add("residence_status");

        // A PGobject bound as a parameter of the custom type.
        try (PreparedStatement ps = c.prepareStatement("SELECT is_residence_title(?)")) {
            PGobject status = new PGobject();
            status.setType("migstat.residence_status");
            status.setValue("Niederlassungserlaubnis");
            ps.setObject(1, status);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                check(r.getBoolean(1), "a PGobject parameter of type residence_status", r.getBoolean(1));
            }
        }

        // Dates bound as java.sql.Date.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT benefit_regime(?::residence_status, ?, NULL), benefit_regime(?::residence_status, ?, NULL)")) {
            ps.setString(1, "§ 24 AufenthG");
            ps.setDate(2, Date.valueOf("2022-05-31"));
            ps.setString(3, "§ 24 AufenthG");
            ps.setDate(4, Date.valueOf("2022-06-01"));
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                check("AsylbLG".equals(r.getString(1)) && "SGB II/XII".equals(r.getString(2)),
                      "benefit_regime on bound dates either side of 01.06.2022", r.getString(1) + "/" + r.getString(2));
            }
        }

        // Aggregates over bound arrays.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dissimilarity(a, b), mutual_information(ARRAY[a, b]) FROM unnest(?, ?) AS t(a, b)")) {
            Array xs = c.createArrayOf("bigint", new Long[] {10L, 20L, 30L, 40L});
            Array ys = c.createArrayOf("bigint", new Long[] {40L, 30L, 20L, 10L});
            ps.setArray(1, xs);
            ps.setArray(2, ys);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                // By hand: X = Y = 100, ½ Σ |x/X − y/Y| = ½ (.3 + .1 + .1 + .3) = 0.4.
                check(Math.abs(r.getDouble(1) - 0.4) < 1e-12, "dissimilarity over bound arrays = 0.4", r.getDouble(1));
                check(r.getDouble(2) > 0 && r.getDouble(2) < 1, "mutual_information over bound arrays", r.getDouble(2));
            }
        }

        // Composite results: as text, and field by field with (r).field.
        try (PreparedStatement ps = c.prepareStatement("SELECT suppress(?, ?), (suppress(?, ?)).*")) {
            ps.setLong(1, 3);
            ps.setInt(2, 5);
            ps.setLong(3, 3);
            ps.setInt(4, 5);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                Object o = r.getObject(1);
                check(o instanceof PGobject && ((PGobject) o).getValue().startsWith("(,t,"),
                      "protected_count as a PGobject composite", o);
                r.getLong(2);
                check(r.wasNull() && r.getBoolean(3) && r.getString(4) != null,
                      "protected_count expanded to ordinary columns", r.getString(4));
            }
        }
        covered.add("protected_count");
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (segregation_inference(ARRAY[a, b], 'dissimilarity')).* "
                + "FROM unnest('{10,20,30,40}'::bigint[], '{40,30,20,10}'::bigint[]) AS t(a, b)")) {
            r.next();
            check("dissimilarity".equals(r.getString("index")) && Math.abs(r.getDouble("estimate") - 0.4) < 1e-12
                    && r.getInt("replicates") == 1000 && r.getDouble("ci_lower") <= r.getDouble("ci_upper"),
                  "segregation_inference expanded to ordinary columns", r.getString("index"));
        }
        covered.add("segregation_inference");

        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (mutual_information_decomposition(ARRAY[a, b], area)).*, "
                + "mutual_information_decomposition(ARRAY[a, b], area) AS parts "
                + "FROM unnest('{10,20,30,40}'::bigint[], '{40,30,20,10}'::bigint[], "
                + "'{north,north,south,south}'::text[]) AS t(a, b, area)")) {
            r.next();
            check(Math.abs(r.getDouble("total") - r.getDouble("between") - r.getDouble("within")) < 1e-12
                    && r.getObject("parts") instanceof PGobject,
                  "mutual_information_parts: columns and a PGobject, total = between + within", r.getObject("parts"));
        }
        covered.add("mutual_information_parts");
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (mutual_information_change(unit, grp, n, period)).* "
                + "FROM unnest('{1,2,1,2,1,2,1,2}'::int[], '{a,a,b,b,a,a,b,b}'::text[], "
                + "'{10,30,30,10,20,20,20,20}'::bigint[], '{1,1,1,1,2,2,2,2}'::int[]) AS t(unit, grp, n, period)")) {
            r.next();
            // Period 2 is unsegregated: M2 = 0, so the difference is -M1.
            check(r.getDouble("m1") > 0 && Math.abs(r.getDouble("m2")) < 1e-15
                    && Math.abs(r.getDouble("difference") + r.getDouble("m1")) < 1e-12,
                  "mutual_information_change as ordinary columns: m2 = 0, difference = -m1", r.getDouble("m1"));
        }
        covered.add("mutual_information_change");

        // Errors: SQLSTATE, message and hint reach the driver.
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::residence_status")) {
            ps.setString(1, "§ 25 Abs. 99 AufenthG");
            ps.executeQuery();
            check(false, "a bad status raises", "no error");
        } catch (PSQLException e) {
            check("22P02".equals(e.getSQLState()), "a bad status raises 22P02", e.getSQLState());
            check(e.getServerErrorMessage() != null && e.getServerErrorMessage().getHint() != null,
                  "... with a hint", e.getServerErrorMessage());
        }

        // Coverage: every type of schema migstat is read above.
        List<String> types = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = 'migstat' AND t.typcategory <> 'A' "
                + "AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')")) {
            while (r.next()) {
                types.add(r.getString(1));
            }
        }
        check(covered.containsAll(types), "every migstat type is read by this client test", types);
    }

    /* The same reads with binary transfer forced for residence_status. */
    private static void binaryProtocol(String db, String oid) throws SQLException {
        Properties p = new Properties();
        p.setProperty("binaryTransferEnable", oid);
        p.setProperty("prepareThreshold", "-1");    // server-prepared (binary) from the first execution
        try (Connection c = connect(db, p)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path = public, migstat");
            }
            int same = 0;
            int total = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, code FROM residence_statuses() WHERE code > ?")) {
                ps.setInt(1, 0);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        PGobject o = (PGobject) r.getObject(1);
                        byte[] raw = r.getBytes(1);
                        total++;
                        // The binary form is the catalogue code as a big-endian int4.
                        if (raw != null && raw.length == 4 && o != null && "residence_status".equals(o.getType())
                                && java.nio.ByteBuffer.wrap(raw).getInt() == r.getInt(2)) {
                            same++;
                        }
                    }
                }
            }
            check(total >= 146 && same == total, "binary transfer: every status arrives as its code in 4 big-endian bytes", same + "/" + total);

            // The binary value sent back as a parameter reads as the same status.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status_code(?::residence_status) = status_code('§ 9 AufenthG')")) {
                ps.setString(1, "§ 9 AufenthG");
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    check(r.getBoolean(1), "binary-mode statement binds a status as text", r.getBoolean(1));
                }
            }
        }
    }

    public static void main(String[] args) {
        String db = args[0];
        try (Connection c = connect(db, new Properties())) {
            textProtocol(c);
            String oid = oneString(c, "SELECT 'migstat.residence_status'::regtype::oid::text");
            binaryProtocol(db, oid);
        } catch (Exception e) {
            failed++;
            System.out.println("not ok - the client test stopped: " + e);
        }
        System.out.println("jdbc: " + passed + " passed, " + failed + " failed");
        System.exit(failed > 0 ? 1 : 0);
    }
}
