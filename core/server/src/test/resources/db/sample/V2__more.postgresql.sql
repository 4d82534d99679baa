CREATE TABLE variant_for_postgresql (id ${id});
