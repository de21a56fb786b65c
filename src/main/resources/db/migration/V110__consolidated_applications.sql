-- A disputed item joined from another application of the same employee, requesting physician and
-- date of injury (8 CCR 9792.10.4(a)): the case and item number it was filed under. The application
-- it came from stays on file, closed as CONSOLIDATED, its items marked with where they went.
alter table imr_disputed_item add column joined_from_case varchar(16);
alter table imr_disputed_item add column joined_from_item integer;
