-- The shop schema of shop.pg.sql in SQLite, written for datagen's tests: composite keys, a
-- self-reference, a composite foreign key and CHECK constraints, which SQLite enforces.

CREATE TABLE category (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER REFERENCES category (id),
    name VARCHAR(40) NOT NULL,
    code CHAR(4) NOT NULL UNIQUE CHECK (length(code) = 4)
);

CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    email VARCHAR(60) NOT NULL UNIQUE CHECK (email LIKE '%@%'),
    first_name VARCHAR(30) NOT NULL,
    age INTEGER CHECK (age BETWEEN 18 AND 99),
    tier TEXT NOT NULL CHECK (tier IN ('bronze', 'silver', 'gold')),
    joined DATE NOT NULL,
    left_on DATE,
    CHECK (left_on IS NULL OR left_on >= joined)
);

CREATE TABLE warehouse_bin (
    warehouse CHAR(3) NOT NULL CHECK (warehouse IN ('AMS', 'BER', 'LIS')),
    bin INTEGER NOT NULL CHECK (bin BETWEEN 1 AND 500),
    PRIMARY KEY (warehouse, bin)
);

CREATE TABLE stock (
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    category_id INTEGER NOT NULL REFERENCES category (id),
    warehouse CHAR(3) NOT NULL,
    bin INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0 AND quantity <= 20),
    PRIMARY KEY (customer_id, category_id),
    FOREIGN KEY (warehouse, bin) REFERENCES warehouse_bin (warehouse, bin)
);
