-- A selection's candidates (the whole roster, with why each reviewer was not chosen) are kept as one
-- JSON document on the selection, in roster order: [{"userId", "outcome", "reasons"}, ...]. A row per
-- reviewer cost each selection 150 inserts and 300 foreign-key checks with a roster of 150, and 23 KB
-- (case benchmark, README "Benchmark"); the report is always read whole.
alter table imr_reviewer_selection add column candidates varchar(1000000);

update imr_reviewer_selection s set candidates = (
    select cast(json_arrayagg(json_object('userId' value r.user_id, 'outcome' value c.outcome,
                                          'reasons' value c.reasons) order by c.position) as varchar(1000000))
    from imr_reviewer_selection_candidate c join imr_reviewer r on r.id = c.reviewer_id
    where c.selection_id = s.id);

update imr_reviewer_selection set candidates = '[]' where candidates is null;
alter table imr_reviewer_selection alter column candidates set not null;

drop table imr_reviewer_selection_candidate;
