suppressMessages({library(data.table); library(nloptr); library(rlang); library(methods)})
for (f in c("pt_classes.R","pt_create_pParams.R","pt_optim_entropy.R","helpers.R","pt_create_pTable.R")) source(f)
args <- commandArgs(TRUE)
D <- as.integer(args[1]); V <- as.numeric(args[2]); js <- as.integer(args[3]); mono <- as.logical(args[4])
pt <- suppressMessages(pt_create_pTable(suppressMessages(pt_create_pParams(D=D, V=V, js=js, mono=mono))))
x <- pt@pTable
for (r in seq_len(nrow(x))) cat(sprintf("%d %d %.8f\n", as.integer(as.character(x$i[r])), as.integer(as.character(x$j[r])), x$p[r]))
