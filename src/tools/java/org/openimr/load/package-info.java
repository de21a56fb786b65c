/**
 * The application driven from outside, as its users and a load balancer see it, for runs that are
 * commands with a report rather than tests: the fault test ({@code org.openimr.cluster}) and the
 * benchmark.
 * <ul>
 * <li>{@link org.openimr.load.DurablePostgres}: a real PostgreSQL that keeps its commits, restartable
 * on the same data directory and port;</li>
 * <li>{@link org.openimr.load.AppNode}: the built jar as a node in its own process, killed with SIGKILL
 * or stopped;</li>
 * <li>{@link org.openimr.load.Nodes}: HTTP to one or more nodes in turn, with an
 * {@link org.openimr.load.Nodes.Observer} that sees every request (for latencies and error counts);</li>
 * <li>{@link org.openimr.load.HttpCaseDriver}: one case from the application to the issued letter,
 * every task completed by the user whose task it is;</li>
 * <li>{@link org.openimr.load.LoadApplications}: applications with 1 to 4 disputed items.</li>
 * </ul>
 */
package org.openimr.load;
