# Aftersales: Odoo 18 after-sales add-ons.
# Every target takes PYTHON= (the interpreter that imports odoo) and ODOO_DIR= (an Odoo 18
# source tree, when odoo is not importable by itself).
PYTHON ?= python3
ODOO_DIR ?=
DB ?= aftersales
TEST_DB ?= aftersales_test
SUITES_DB ?= $(TEST_DB)_suites
HTTP_PORT ?= 8069
BENCH_DB ?= aftersales_bench
BENCH_SCALE ?= 1.0
BENCH_ARGS ?=
LOAD_AGENTS ?= 20
LOAD_DURATION ?= 60
LOAD_WORKERS ?= 4
LOAD_THINK ?= 0
LOAD_ARGS ?=
export PYTHON ODOO_DIR DB TEST_DB SUITES_DB HTTP_PORT BENCH_DB BENCH_SCALE LOAD_AGENTS LOAD_DURATION LOAD_WORKERS LOAD_THINK

.PHONY: help run screenshot test test-unit test-static test-integration test-odoo-suites bench bench-load readme pg-start pg-stop clean

help:
	@echo "make run    serve the After-Sales app with demo data on http://127.0.0.1:$(HTTP_PORT)"
	@echo "make test   unit + static + integration + odoo-suites (the last two need odoo importable)"
	@echo "make test-odoo-suites   Odoo's repair, sale, stock_account, purchase_stock, sale_stock and stock tests with our add-ons installed"
	@echo "make bench  generate a fresh database at scale (BENCH_SCALE=1.0) and time the operations"
	@echo "make bench-load   LOAD_AGENTS=20 agents for LOAD_DURATION=60 s on --workers=LOAD_WORKERS, beside repair.order (LOAD_THINK=s between calls)"

run:
	@$(PYTHON) tools/harness.py run --db $(DB) --port $(HTTP_PORT)

test:
	@$(PYTHON) tools/run_tests.py

test-unit:
	@$(PYTHON) tools/run_tests.py unit

test-static:
	@$(PYTHON) tools/run_tests.py static

test-integration:
	@$(PYTHON) tools/run_tests.py integration

test-odoo-suites:
	@$(PYTHON) tools/run_tests.py odoo-suites

bench:
	@if [ -f bench/run.py ]; then $(PYTHON) bench/run.py --db $(BENCH_DB) --scale $(BENCH_SCALE) $(BENCH_ARGS); else echo "bench: no benchmark yet"; fi

bench-load:
	@$(PYTHON) bench/load.py --db $(BENCH_DB) --agents $(LOAD_AGENTS) --duration $(LOAD_DURATION) --workers $(LOAD_WORKERS) $(LOAD_ARGS)

readme:
	@$(PYTHON) tools/gen_readme.py

screenshot:
	@$(PYTHON) tools/screenshot.py --url http://127.0.0.1:$(HTTP_PORT) --db $(DB) --out docs/after-sales-requests.png --wait 15

pg-start:
	@tools/pg.sh start

pg-stop:
	@tools/pg.sh stop

clean: pg-stop
	rm -rf .local
