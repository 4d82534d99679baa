CREATE TABLE generic_only (id ${id});
