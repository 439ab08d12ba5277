"""What the directory's pages show, worked out from the services and models."""
