"""Django format modules for languages Django ships none for (FORMAT_MODULE_PATH points here)."""
