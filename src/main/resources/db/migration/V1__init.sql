CREATE TABLE placeholder (id INT);
