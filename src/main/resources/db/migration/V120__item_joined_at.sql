-- When a disputed item was joined from another application (8 CCR 9792.10.4(a)): the moment that
-- application closed as CONSOLIDATED, which is when its items moved.
alter table imr_disputed_item add column joined_at timestamp with time zone;
update imr_disputed_item set joined_at = (select c.closed_at from imr_case c
                                          where c.case_number = imr_disputed_item.joined_from_case)
where joined_from_case is not null;
