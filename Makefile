.PHONY: demo test openapi docs bench messages fmt

demo:        ## set up and run the system with demo data at http://127.0.0.1:8000
	./scripts/demo.sh

test:        ## set up and run every check and the tests on SQLite and PostgreSQL
	./scripts/test.sh

openapi:     ## regenerate the committed OpenAPI snapshot after a deliberate contract change
	uv run werkpost export-openapi > docs/openapi.json

docs:        ## regenerate the generated documents (OpenAPI snapshot, message catalogue)
	uv run werkpost export-openapi > docs/openapi.json
	uv run werkpost export-messages > docs/messages.md

messages:    ## extract translatable strings into the .po files
	cd src/werkpost && uv run werkpost makemessages -l nl -l en --no-location --ignore "migrations/*"

bench:       ## run the benchmarks (not part of the tests)
	uv run python bench/put_throughput.py

fmt:
	uv run ruff format . && uv run ruff check --fix .
