# PGXS build of the textsense extension: `make && make install`, then
# `make installcheck` against a running server (scripts/test.sh starts a
# throwaway one).
#
# One core, built once: the C++ core is the static PIC library
# libtextsense_core.a that CMake builds (CMakeLists.txt), the same object
# code the unit tests, benchmarks and the CLI link. This Makefile compiles
# only the PostgreSQL glue (src/pg/, PostgreSQL's flags and headers) and
# links it with that library into textsense.so, as pg_duckdb links its
# CMake-built DuckDB. docs/architecture.md, "Building", has the details.
#
# Works in the source tree and in a VPATH build directory
# (`make -f ../Makefile VPATH=..`, as Debian's pg_buildext does).

TEXTSENSE_SRC := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

# The version lives in one place, the control file; CMake reads it too.
EXTVERSION := $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(TEXTSENSE_SRC)/extension/textsense.control)

MODULE_big = textsense
OBJS = $(patsubst $(TEXTSENSE_SRC)/%.cpp,%.o,$(sort $(wildcard $(TEXTSENSE_SRC)/src/pg/*.cpp)))

# The control file lives in extension/, so it is installed as DATA. The
# install script of the current version is generated from one source,
# extension/textsense.sql (as pgvector does); the older versions' scripts
# and every upgrade script are kept as released.
MODULEDIR = extension
DATA = extension/textsense.control \
	$(filter-out extension/textsense--$(EXTVERSION).sql, \
	  $(patsubst $(TEXTSENSE_SRC)/%,%,$(wildcard $(TEXTSENSE_SRC)/extension/textsense--*.sql)))
DATA_built = extension/textsense--$(EXTVERSION).sql

REGRESS = segmentation languages sentiment_languages encodings pos_tag pos_tag_languages sentiment upgrade threads parallel_plans score_trigger generated_indexes backfill bi_examples custom_lexicon limits search_path models
# A UTF8 test database whatever the cluster locale; encodings.sql makes its own.
REGRESS_OPTS = --encoding=UTF8

# No LLVM bitcode: JIT inlining could only inline the glue's entry points,
# which call into the C++ core (native code in the static library) for all
# their work, so there is nothing worth inlining.
override with_llvm = no

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

extension/textsense--$(EXTVERSION).sql: $(TEXTSENSE_SRC)/extension/textsense.sql
	@mkdir -p extension
	cp $< $@

# The core library. CMake decides what is out of date; the library file
# changes (and textsense.so is relinked) only when the core does. A build
# directory configured by hand (tests, benchmarks, another build type) is
# used as it is; a new one gets a Release build of the core alone.
CORE_BUILD ?= $(TEXTSENSE_SRC)/build
CORE_LIB = $(CORE_BUILD)/libtextsense_core.a
$(CORE_LIB): FORCE
	@test -f '$(CORE_BUILD)/CMakeCache.txt' || cmake -S '$(TEXTSENSE_SRC)' -B '$(CORE_BUILD)' \
	  -DCMAKE_BUILD_TYPE=Release -DTEXTSENSE_BUILD_TESTS=OFF -DTEXTSENSE_BUILD_BENCHMARKS=OFF \
	  -DPG_CONFIG='$(PG_CONFIG)' >/dev/null
	+cmake --build '$(CORE_BUILD)' --target textsense_core
.PHONY: FORCE
FORCE:

# C++17 for the glue; the core's headers it includes need nothing else.
override CPPFLAGS := -I$(TEXTSENSE_SRC)/src $(ICU_CFLAGS) -DTEXTSENSE_VERSION='"$(EXTVERSION)"' $(CPPFLAGS)
override CXXFLAGS += -std=c++17 -fPIC -pthread -Wno-missing-field-initializers -Wno-register

# The core library, then what it needs: the server's ICU, CLD2, Snowball,
# libstdc++ explicitly; only the SQL entry points exported (see
# src/pg/textsense.map).
SHLIB_LINK += $(CORE_LIB) $(ICU_LIBS) -lcld2 -lstemmer -lstdc++ -pthread \
	-Wl,--version-script=$(TEXTSENSE_SRC)/src/pg/textsense.map
$(shlib): $(CORE_LIB) $(TEXTSENSE_SRC)/src/pg/textsense.map

EXTRA_CLEAN = results regression.diffs regression.out

# Bitcode an older textsense installed (when it was built with it) would
# otherwise stay beside the new library, and JIT inlining would use it.
install: remove-old-bitcode
remove-old-bitcode:
	rm -rf '$(DESTDIR)$(pkglibdir)/bitcode/textsense' '$(DESTDIR)$(pkglibdir)/bitcode/textsense.index.bc'
.PHONY: remove-old-bitcode

# Models go to $(datadir)/textsense/, where the glue looks for them
# (backend_state.cpp) and an installed CLI too.
MODEL_FILES = $(wildcard $(TEXTSENSE_SRC)/models/*.model)
install: install-models
install-models:
	$(MKDIR_P) '$(DESTDIR)$(datadir)/textsense'
	$(INSTALL_DATA) $(MODEL_FILES) '$(DESTDIR)$(datadir)/textsense/'
uninstall: uninstall-models
uninstall-models:
	rm -f $(addprefix '$(DESTDIR)$(datadir)/textsense'/, $(notdir $(MODEL_FILES)))
.PHONY: install-models uninstall-models

# In a VPATH build directory the objects' folder does not exist yet (an
# order-only prerequisite would not do: VPATH finds src/pg/ in the source
# tree).
ifdef VPATH
$(shell mkdir -p src/pg)
endif

# PGXS tracks no header dependencies: rebuild the glue when a header
# changes, or glue compiled against an old class layout links against a new
# core.
$(OBJS): $(shell find $(TEXTSENSE_SRC)/src/core -name '*.h') $(wildcard $(TEXTSENSE_SRC)/src/pg/*.h)

# The PGXN distribution: the committed tree (META.json at its root) as
# dist/textsense-<version>.zip.
dist:
	mkdir -p dist
	git -C '$(TEXTSENSE_SRC)' archive --format zip --prefix=textsense-$(EXTVERSION)/ \
	  --output '$(abspath dist)/textsense-$(EXTVERSION).zip' HEAD
.PHONY: dist
