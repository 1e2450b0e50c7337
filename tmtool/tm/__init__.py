"""Working with whole translation memories: merging several into one, and their statistics."""
