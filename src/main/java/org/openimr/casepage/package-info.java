/**
 * What staff read of a case in one place: the case page (its parties, items, deadlines, documents,
 * letters and the timeline of who did what, and when) and the case search. It reads what the other
 * capabilities recorded, by SQL and through the engine's history, and writes only the record of
 * searches.
 */
package org.openimr.casepage;
