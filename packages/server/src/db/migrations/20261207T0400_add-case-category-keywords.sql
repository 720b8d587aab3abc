-- Words residents use for a category (小广告, 牛皮癣 for 广告乱贴), from data/cases/categories.yaml:
-- the public report page searches them besides the name and description (issue 14).
alter table case_category add column keywords text[] not null default '{}';
