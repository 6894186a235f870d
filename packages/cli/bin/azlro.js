#!/usr/bin/env node
// The `azlro` binary. A committed file (not dist/bin.js itself) because npm links a bin only if
// its file exists at install time, which in a fresh clone is before the build.
import '../dist/bin.js';
