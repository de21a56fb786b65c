-- The review in which a fact was established. A remand opens a new review of the same items: the
-- facts of the earlier review stay as the new review's starting point, for its reviewer to confirm
-- or change from the records before deciding.
alter table imr_item_fact add column review_no integer default 1 not null;
