-- The clinical facts of a disputed item as the reviewer established them from the records: a value
-- with the document and page it was read on, or "not documented" as a deliberate answer. A fact
-- without a row here is as the application gave it, unconfirmed.
create table imr_item_fact (
    case_id         bigint        not null references imr_case (id),
    item_no         integer       not null,
    fact_name       varchar(100)  not null,
    value_json      varchar(2000),
    not_documented  boolean       not null,
    document_id     bigint        references imr_document (id),
    page            integer,
    established_by  varchar(64)   not null,
    established_at  timestamp with time zone not null,
    primary key (case_id, item_no, fact_name)
);
