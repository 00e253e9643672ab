"""The check functions, one module per group of categories; importing this package registers them."""
from . import (
           annexes,
           citations,
           header,
           headings,
           inputs,
           numbering,
           periods,
           recipients,
           signature,
           spelling,
           tasks,
           units,
)

__all__ = ["annexes", "citations", "header", "headings", "inputs", "numbering", "periods", "recipients", "signature",
           "spelling", "tasks", "units"]
