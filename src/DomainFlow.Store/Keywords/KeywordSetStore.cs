using DomainFlow.Core.Keywords;
using DomainFlow.Store.Resources;

namespace DomainFlow.Store.Keywords;

/// <summary>Keyword sets: a workspace resource; every one stored is valid (its regexes compile), names unique case-insensitively.</summary>
public sealed class KeywordSetStore(Database db) : NamedConfigStore<KeywordSetConfig>(db, "keyword_sets", "keyword set");
