CREATE TABLE variant_for_sqlite (id ${id});
