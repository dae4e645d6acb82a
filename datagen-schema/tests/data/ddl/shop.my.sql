-- A shop schema in MySQL/MariaDB syntax, written for datagen's tests: ENUM and SET columns,
-- unsigned integers, BOOLEAN, JSON, a stored generated column, a self-reference, composite
-- keys and foreign keys, and CHECK constraints of every kind datagen satisfies by construction.

CREATE TABLE category (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id INT UNSIGNED NULL,
  name VARCHAR(40) NOT NULL CHECK (name <> ''),
  code CHAR(4) NOT NULL UNIQUE,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
) ENGINE=InnoDB;

CREATE TABLE customer (
  id BIGINT NOT NULL AUTO_INCREMENT,
  email VARCHAR(60) NOT NULL,
  first_name VARCHAR(30) NOT NULL,
  last_name VARCHAR(30) NOT NULL,
  country_code CHAR(2) NOT NULL,
  age INT NULL,
  tier VARCHAR(10) NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_customer_email (email),
  CONSTRAINT ck_country CHECK (country_code REGEXP '^[A-Z]{2}$'),
  CONSTRAINT ck_age CHECK (age BETWEEN 18 AND 99),
  CONSTRAINT ck_tier CHECK (tier IN ('bronze', 'silver', 'gold')),
  CONSTRAINT updated_after_created CHECK (updated_at IS NULL OR updated_at >= created_at)
) ENGINE=InnoDB;

CREATE TABLE product (
  sku VARCHAR(16) NOT NULL PRIMARY KEY,
  title VARCHAR(80) NOT NULL,
  price DECIMAL(8,2) NOT NULL,
  size ENUM('S','M','L','XL') NOT NULL,
  features SET('waterproof','organic','recycled') NULL,
  attributes JSON NULL,
  price_with_tax DECIMAL(10,2) AS (price * 1.2) STORED,
  CONSTRAINT ck_price CHECK (price > 0)
) ENGINE=InnoDB;

CREATE TABLE orders (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  status ENUM('new','paid','shipped','cancelled') NOT NULL,
  ordered_on DATE NOT NULL,
  shipped_on DATE NULL,
  note VARCHAR(10) NULL,
  CONSTRAINT ck_note CHECK (note LIKE 'N-%'),
  CONSTRAINT ck_shipped CHECK (shipped_on >= ordered_on),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB;

CREATE TABLE warehouse_bin (
  warehouse CHAR(3) NOT NULL,
  bin SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (warehouse, bin),
  CONSTRAINT ck_warehouse CHECK (warehouse IN ('AMS', 'BER', 'LIS')),
  CONSTRAINT ck_bin CHECK (bin BETWEEN 1 AND 500)
) ENGINE=InnoDB;

CREATE TABLE stock (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(16) NOT NULL,
  warehouse CHAR(3) NOT NULL,
  bin SMALLINT UNSIGNED NOT NULL,
  quantity INT NOT NULL,
  CONSTRAINT ck_quantity CHECK (quantity > 0 AND quantity <= 20),
  CONSTRAINT fk_stock_product FOREIGN KEY (sku) REFERENCES product (sku),
  CONSTRAINT fk_stock_bin FOREIGN KEY (warehouse, bin) REFERENCES warehouse_bin (warehouse, bin)
) ENGINE=InnoDB;
