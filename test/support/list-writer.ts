// Unit tests apply the reading list's operations in their own context, as the background does (its one writer).
import '../../utils/reading-list/apply';
