package dev.tupu.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;

import picocli.CommandLine;

/**
 * Dev/test Neo4j Community for tupu, embedded, with only Bolt on loopback.
 *
 * Usage: java -jar tupu-neo4j-launcher.jar [homeDir]   (default ./.neo4j)
 * Env:   NEO4J_PORT (7687), NEO4J_PASSWORD (tupu-dev-password), NEO4J_PAGECACHE (256m)
 * stdout/stderr are the user log; start.mjs sends them to homeDir/neo4j.log.
 */
public final class Launcher {
    /** start.mjs looks for this line (in neo4j.log) to know the launcher finished its setup. */
    static final String READY = "tupu-neo4j: ready";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".neo4j").toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "tupu-dev-password");
        Files.createDirectories(home);

        // First start only: seed the neo4j user's password the way `neo4j-admin dbms
        // set-initial-password` does (data/dbms/auth.ini), so the default neo4j/neo4j
        // account is never reachable over Bolt.
        boolean firstStart = !Files.exists(home.resolve("data/databases/system"));
        if (firstStart) {
            int rc = new CommandLine(new SetInitialPasswordCommand(new ExecutionContext(home, home.resolve("conf"))))
                    .execute(password);
            if (rc != 0) {
                System.err.println("tupu-neo4j: set-initial-password failed (exit " + rc + ")");
                System.exit(1);
            }
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Tests exercise wrong passwords on purpose; the default lock (3 failures ->
                    // 5 s lockout of the *real* user too) would make the next test flaky.
                    .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                    // Small footprint for a 2-core CI box (heap is capped by -Xmx in start.mjs).
                    // NEO4J_PAGECACHE (e.g. 2g, 512m) raises it for a large graph, e.g. the S=100 benchmark.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache())
                    // Default 256 MiB preallocated tx-log files per database are wasteful for dev data.
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    // Netty's default quiet period makes Bolt idle ~10 s in shutdown after the stores
                    // are already closed; stop.mjs and test teardown would just wait for it.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    // No phoning home from a dev/CI box (and there is no network anyway).
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (Throwable t) {
            // e.g. port already in use or store locked by another instance.
            System.err.println("tupu-neo4j: failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }

        // SIGTERM/SIGINT: flush and close the store so the next start needs no recovery.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("tupu-neo4j: shutting down");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("tupu-neo4j: stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "tupu-neo4j-shutdown"));

        if (!firstStart && !passwordMatches(dbms, password)) setPassword(dbms, password);
        System.out.println(READY + " bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await(); // keep the JVM alive; Neo4j's own threads do the work
    }

    /**
     * Cheap check of the stored credential (core API read on the system graph, no Cypher):
     * an admin command costs ~5 s of planner warm-up on 2 cores, so run it only when needed.
     * Internal schema; on any surprise report "no match" and let ALTER USER decide.
     */
    private static boolean passwordMatches(DatabaseManagementService dbms, String password) {
        try (Transaction tx = dbms.database("system").beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            if (user == null || Boolean.TRUE.equals(user.getProperty("passwordChangeRequired", false))) return false;
            return SystemGraphCredential.deserialize((String) user.getProperty("credentials"), new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    /** Existing store whose password differs from NEO4J_PASSWORD (it changed): make the env var win. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            System.out.println("tupu-neo4j: password of user neo4j set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            // "Old password and new password cannot be the same" only means it already matched.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("cannot be the same")) {
                // A server that refuses the configured password is useless: fail loudly (hook closes the store).
                System.err.println("tupu-neo4j: could not set the neo4j password: " + msg);
                System.exit(1);
            }
        }
    }

    /** NEO4J_PAGECACHE as Neo4j spells sizes (256m, 2g, 1024k or bytes); 256 MiB when unset. */
    private static long pageCache() {
        String v = env("NEO4J_PAGECACHE", "");
        if (v.isEmpty()) return ByteUnit.mebiBytes(256);
        try {
            return ByteUnit.parse(v);
        } catch (RuntimeException e) {
            System.err.println("tupu-neo4j: NEO4J_PAGECACHE must be a size such as 512m or 2g, not " + v);
            System.exit(1);
            return 0;
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : v;
    }
}
