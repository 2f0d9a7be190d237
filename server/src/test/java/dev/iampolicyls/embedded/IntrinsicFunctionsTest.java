package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Template functions where a policy expects a string are typed values: a reference is some specific
 * value (never a wildcard, never a malformed ARN), pseudo parameters and references inside ARNs
 * take values of their field's shape, and findings inside a {@code !Sub} point at its characters.
 */
class IntrinsicFunctionsTest {
  private static String role(String statements) {
    return """
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
        """
        + statements.indent(12);
  }

  @Test
  void referencesAreSpecificValuesThatNoCheckJudges() {
    assertFindings(
        role(
            """
            - Effect: Allow
              Action: [!Ref ActionParameter, s3:GetObject]
              Resource:
                - !GetAtt Bucket.Arn
                - !Sub "${Bucket.Arn}/*"
                - !ImportValue shared-bucket-arn
                - !FindInMap [Buckets, !Ref AWS::Region, Arn]
                - !Select [0, !Split [",", !Ref BucketArns]]
                - "{{resolve:ssm:/buckets/main}}"
                - Fn::GetAtt: [Bucket, Arn]
            """));
  }

  @Test
  void aParameterHoldingAWholeArnIsSomeValueWhateverItsNameOrPatternSuggests() {
    // CloudFormation has no parameter type for a key's or a role's ARN: a name or AllowedPattern
    // says what the author meant, not what is passed, so no type is guessed from them.
    assertFindings(
        """
        Parameters:
          KmsKeyArn:
            Type: String
            AllowedPattern: ^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+$
          DeployRoleArn:
            Type: String
        Resources:
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: [kms:Decrypt, s3:GetObject]
                    Resource: !Ref KmsKeyArn
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: !Ref DeployRoleArn
        """);
  }

  @Test
  void referencesWhereIamExpectsAKeywordAreNoInvalidEffectVersionOrSid() {
    assertFindings(
        """
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: !Ref PolicyVersion
                Statement:
                  - Sid: !Sub "${Environment}Read"
                    Effect: !Ref ReadEffect
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::bucket/*
                  - Sid: !Sub "${AWS::StackName}Write"
                    Effect: !If [IsProd, Deny, Allow]
                    Action: s3:PutObject
                    Resource: arn:aws:s3:::bucket/*
        """);
  }

  @Test
  void aSubOfPseudoParametersAndReferencesIsAnArnOfItsShape() {
    assertFindings(
        role(
            """
            - Effect: Allow
              Action: s3:GetObject
              Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*
            - Effect: Allow
              Action: s3:PutObject
              Resource: «!Sub arn:${AWS::Partition}:s3:::${Bucket}»
            - Effect: Allow
              Action: logs:PutLogEvents
              Resource: !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${Account}:log-group:${Group}:*
            """),
        "RESOURCE_MISMATCH");
  }

  @Test
  void subWithAVariableMapAndJoinAndSelectOfLiterals() {
    assertFindings(
        role(
            """
            - Effect: Allow
              Action: s3:GetObject
              Resource:
                - !Sub ["arn:aws:s3:::${Name}/*", {Name: !Ref Bucket}]
                - !Join ["", ["arn:", !Ref AWS::Partition, ":s3:::", !Ref Logs, "/*"]]
                - !Select [1, ["arn:aws:sqs:us-east-1:123456789012:q", "arn:aws:s3:::b/*"]]
            - Effect: Allow
              Action: s3:GetObject
              Resource: «!Join ["", ["arn:", !Ref AWS::Partition, ":s3:::", !Ref Bucket]]»
            """),
        "RESOURCE_MISMATCH");
  }

  @Test
  void aPolicyVariableInsideSubMustBeEscaped() {
    assertFindings(
        role(
            """
            - Effect: Allow
              Action: s3:GetObject
              Resource:
                - !Sub arn:${AWS::Partition}:s3:::${Bucket}/home/«${aws:username}»/*
                - !Sub arn:${AWS::Partition}:s3:::${Logs}/home/${!aws:username}/*
                - arn:aws:s3:::bucket/home/${aws:username}/*
            """),
        "UNESCAPED_POLICY_VARIABLE_IN_SUB");
  }

  @Test
  void aFindingInsideASubPointsAtItsCharacters() {
    // ${!aws:username without its brace: IAM's variable is unterminated, and the finding sits on
    // the characters that write it in the template, the ! included.
    assertFindings(
        role(
            """
            - Effect: Allow
              Action: s3:GetObject
              Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/«${!aws:username»"
            """),
        "MISSING_BRACE_IN_VARIABLE");
  }

  @Test
  void eachBranchOfAnIfIsCheckedAndNoValueRemovesTheElement() {
    assertFindings(
        role(
            """
            - Effect: Allow
              Action:
                - !If [IsProd, «s3:GetObjekt», s3:GetObject]
                - !If [IsProd, !Ref AWS::NoValue, s3:PutObject]
              Resource: arn:aws:s3:::bucket/*
            """),
        "INVALID_ACTION");
  }

  @Test
  void anIfAroundWholeStatementsGivesEachReadingItsOwnStatements() {
    // The same Sid in both branches of one condition is never deployed twice (cfn-lint #329).
    assertFindings(
        role(
            """
            - !If
              - IsProd
              - Sid: Read
                Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::prod/*
              - Sid: Read
                Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::dev/*
            - !If [HasQueue, {Effect: Allow, Action: «sqs:SendMesage», Resource: !GetAtt Q.Arn}, !Ref AWS::NoValue]
            """),
        "INVALID_ACTION");
  }

  @Test
  void anIfAroundAnInlinePolicyChecksBothBranches() {
    assertFindings(
        """
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - !If
                  - HasKey
                  - PolicyName: kms
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Action: «kms:Decrpyt»
                          Resource: !Ref Key
                  - !Ref AWS::NoValue
        """,
        "INVALID_ACTION");
  }

  @Test
  void wildcardsInsideActionNamesAndSamTemplatesWithNonIamActionsAreNoErrors() {
    // cfn-lint #4025/#4185 (wildcards inside names) and #4035 (SQSPollerPolicy's actions).
    assertFindings(
        """
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - SQSPollerPolicy: {QueueName: q}
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: iam:List*Tags
                      Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*
                    - Effect: Allow
                      Action: s3:Get*Tagging
                      Resource: !Sub arn:${AWS::Partition}:s3:::app-${AWS::AccountId}
        """);
    // An S3 action beside an IAM role is a real mistake (RESOURCE_MISMATCH), wildcard or not.
    assertFindings(
        """
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: [iam:List*Tags, «s3:Get*Tagging»]
                      Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*
        """,
        "RESOURCE_MISMATCH");
  }

  @Test
  void aPolicyWrittenAsJsonTextInsideSubHasEachStringSubstitutedOnItsOwn() {
    // "${Bucket.Arn}/*" is opaque as a value, though it sits in the middle of the Sub's text.
    assertFindings(
        """
        Resources:
          Logs:
            Type: AWS::Logs::ResourcePolicy
            Properties:
              PolicyName: p
              PolicyDocument: !Sub |
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"},
                    "Action": ["logs:PutLogEvents", «"logs:PutLogEvent"»],
                    "Resource": ["${Group.Arn}:*", "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:«${aws:username}»"]
                  }]
                }
        """,
        "INVALID_ACTION",
        "UNESCAPED_POLICY_VARIABLE_IN_SUB");
  }

  @Test
  void anIfOverTheWholeDocumentAndToJsonStringAreRead() {
    assertFindings(
        """
        Transform: AWS::LanguageExtensions
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: !If
                - IsProd
                - Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: «s3:GetObjekt», Resource: "*"}]
                - Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: «s3:ListBuckets», Resource: "*"}]
          Set:
            Type: AWS::SSO::PermissionSet
            Properties:
              InlinePolicy:
                Fn::ToJsonString:
                  Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: «ec2:DescribeInstance», Resource: "*"}]
        """,
        "INVALID_ACTION",
        "INVALID_ACTION",
        "INVALID_ACTION");
  }

  @Test
  void everyCombinationOfAFewConditionsIsAReadingAndManyGiveAllTrueAndAllFalse() {
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(java.util.Map.of()), CloudFormationFormat.readings(List.of()));
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Set.of(
            java.util.Map.of("A", true, "B", true),
            java.util.Map.of("A", false, "B", true),
            java.util.Map.of("A", true, "B", false),
            java.util.Map.of("A", false, "B", false)),
        java.util.Set.copyOf(CloudFormationFormat.readings(List.of("A", "B"))));
    List<String> many = List.of("A", "B", "C", "D", "E");
    var readings = CloudFormationFormat.readings(many);
    org.junit.jupiter.api.Assertions.assertEquals(2, readings.size());
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Set.of(true), java.util.Set.copyOf(readings.get(0).values()));
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.Set.of(false), java.util.Set.copyOf(readings.get(1).values()));
  }
}
