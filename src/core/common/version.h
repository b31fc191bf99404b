// The version of the core, of the SQL extension and of the CLI: one number.
#pragma once

#define TEXTSENSE_VERSION "0.8.0"
