-- The running deadline of each case, copied from its process variables as they change, so the SLA
-- summary counts, sorts and averages in SQL. Reading the variables of every open case made it grow
-- with the backlog: 5.4 s at 5,000 open cases (case benchmark, README "Benchmark").
alter table imr_case add column sla_status varchar(16);
alter table imr_case add column sla_deadline varchar(16);
alter table imr_case add column sla_due_at timestamp with time zone;
alter table imr_case add column records_due_at timestamp with time zone;
alter table imr_case add column records_days_late integer default 0 not null;
alter table imr_case add column records_complete_at timestamp with time zone;
alter table imr_case add column determination_issued_at timestamp with time zone;
alter table imr_case add column determination_late boolean;

create index ix_imr_case_open_due on imr_case (status, sla_due_at);
create index ix_imr_case_issued on imr_case (determination_issued_at);
