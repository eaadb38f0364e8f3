-- Books only premium readers may be recommended. Existing rows become open to every reader until the next
-- books snapshot says otherwise; "if not exists" keeps the migration safe on a database that already has it.
alter table books add column if not exists premium_only boolean not null default false;
