import BalcaoCore
