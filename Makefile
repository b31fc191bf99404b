# PGXS build of the textsense extension: `make && make install`, then
# `make installcheck` against a running server (scripts/test.sh starts a
# throwaway one). The C++ core is compiled from the same sources CMake uses.

MODULE_big = textsense
# Every .cpp of the core (one folder per capability, see src/core/README.md)
# and of the glue.
CORE_SOURCES = $(sort $(shell find src/core -name '*.cpp'))
OBJS = $(patsubst %.cpp,%.o,$(CORE_SOURCES) $(sort $(wildcard src/pg/*.cpp)))

# The control file lives in extension/, so install it as DATA.
MODULEDIR = extension
DATA = extension/textsense.control $(sort $(wildcard extension/textsense--*.sql))

REGRESS = segmentation languages sentiment_languages encodings pos_tag pos_tag_languages sentiment upgrade threads parallel_plans score_trigger generated_indexes backfill bi_examples custom_lexicon limits search_path
# A UTF8 test database whatever the cluster locale; encodings.sql makes its own.
REGRESS_OPTS = --encoding=UTF8

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# C++: the core and the glue share one set of flags, and so does the LLVM
# bitcode rule (Debian's PostgreSQL is built with_llvm = yes).
TEXTSENSE_CXXFLAGS = -std=c++17 -fPIC -pthread \
	-Wno-missing-field-initializers -Wno-register
override CPPFLAGS := -I$(CURDIR)/src $(ICU_CFLAGS) $(CPPFLAGS)
override CXXFLAGS += $(TEXTSENSE_CXXFLAGS)
override BITCODE_CXXFLAGS += $(TEXTSENSE_CXXFLAGS)

# The server's ICU, libstdc++ explicitly, and only the SQL entry points
# exported (see src/pg/textsense.map).
SHLIB_LINK += $(ICU_LIBS) -lcld2 -lstemmer -lstdc++ -pthread -Wl,--version-script=$(CURDIR)/src/pg/textsense.map
$(shlib): src/pg/textsense.map

EXTRA_CLEAN = results regression.diffs regression.out

# Models go to $(datadir)/textsense/, where the glue looks for them
# (backend_state.cpp) and an installed CLI too.
MODEL_FILES = $(wildcard models/*.model)
install: install-models
install-models:
	$(MKDIR_P) '$(DESTDIR)$(datadir)/textsense'
	$(INSTALL_DATA) $(MODEL_FILES) '$(DESTDIR)$(datadir)/textsense/'
uninstall: uninstall-models
uninstall-models:
	rm -f $(addprefix '$(DESTDIR)$(datadir)/textsense'/, $(notdir $(MODEL_FILES)))
.PHONY: install-models uninstall-models

# PGXS tracks no header dependencies: rebuild every object when a header
# changes, or glue compiled against an old class layout links against a new
# core.
$(OBJS): $(shell find src/core -name '*.h') $(wildcard src/pg/*.h)
