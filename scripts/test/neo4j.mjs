// The local Neo4j for `npm test` (scripts/neo4j): started unless NEO4J_URI names one or TUPU_TEST_NEO4J=0.
import { runScript, tell } from './run-script.mjs';

/** Sets env.NEO4J_URI and returns how to stop what it started; exits the run when Neo4j does not start. */
export function startNeo4j(env) {
  if (env.TUPU_TEST_NEO4J === '0') {
    tell('Neo4j suites skipped (TUPU_TEST_NEO4J=0)');
    return () => {};
  }
  if (env.NEO4J_URI) return () => {};
  const uri = runScript('neo4j:start', env);
  if (!uri) {
    tell('the local Neo4j did not start (see above); TUPU_TEST_NEO4J=0 runs without it');
    process.exit(1);
  }
  env.NEO4J_URI = uri;
  return () => runScript('neo4j:stop', env);
}
