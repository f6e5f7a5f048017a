"""Reading the project: the only reader of seeds/ and content/."""
