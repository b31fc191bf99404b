// The version of the core, of the SQL extension and of the CLI: one number,
// default_version in extension/textsense.control. CMake (for the core, the
// CLI and the tests) and the Makefile (for the glue) read it from there and
// define TEXTSENSE_VERSION.
#pragma once

#ifndef TEXTSENSE_VERSION
#error "TEXTSENSE_VERSION comes from extension/textsense.control: build with CMake or the Makefile"
#endif
