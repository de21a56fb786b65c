-- A letter's text is extracted from its PDF when first read, not when the letter is composed:
-- extraction cost as much CPU as rendering (case benchmark, README "Benchmark").
alter table imr_letter alter column text_content drop not null;
