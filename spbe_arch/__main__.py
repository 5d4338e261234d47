"""``python -m spbe_arch`` runs the command line."""

from spbe_arch.cli import main

if __name__ == "__main__":
    main()
