-- The statistics roll-up recomputes one slice (prefecture, month of report, county, category) on
-- every case event (decision 0189). Through the report-time index that read scanned the whole month
-- of the province (312 ms for a month of 27,000 cases at 1 M, load 16); by prefecture, category and
-- report time it reads the slice's few hundred cases (15-105 ms, same database and minutes).
create index problem_case_slice_idx on problem_case (prefecture_code, category_code, reported_at);
