namespace DomainFlow.Core.Users;

public enum UserRole
{
    User,
    Admin,
}
