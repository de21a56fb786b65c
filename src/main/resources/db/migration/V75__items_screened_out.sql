-- A disputed item screening left out of the review (a duplicate of an item of an earlier case, E7),
-- with the reason the per-item ineligibility notice gave; the item stays on file with its case.
alter table imr_disputed_item add column screened_out_reason varchar(600);
